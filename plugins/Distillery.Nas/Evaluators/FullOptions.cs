namespace Distillery.Nas.Evaluators;

/// <summary>The ground-truth protocol: the reference optimizer on the whole training set, 3 epochs, one network.</summary>
internal sealed class FullOptions : TrainedScoreOptions
{
    public FullOptions()
    {
        Epochs = 3;
    }
}
