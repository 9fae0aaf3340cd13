using Distillery.Progress;

namespace Distillery.Tests.Methods.DistributionMatching;

/// <summary>Records the totals, advances and descriptions a method reports.</summary>
internal sealed class DescribingProgress : IProgressReporter, IProgressTask
{
    public double Total { get; private set; }

    public double Advanced { get; private set; }

    public List<string> Descriptions { get; } = [];

    public IProgressTask Start(string description, double total)
    {
        Total = total;
        Descriptions.Add(description);
        return this;
    }

    public void Advance(double amount = 1) => Advanced += amount;

    public void Describe(string description) => Descriptions.Add(description);

    public void Dispose()
    {
    }
}
