namespace Distillery.Methods.GradientMatching;

/// <summary>
/// How many matching steps (outer loop) and synthetic-training epochs between them (inner loop) one outer iteration
/// makes. The reference tunes them per IPC: 1 → 1/1, 10 → 10/50, 20 → 20/25, 30 → 30/20, 40 → 40/15, 50 → 50/10.
/// Any other IPC takes the row of the nearest tabulated IPC (the smaller on a tie; above 50, the row of 50):
/// IPC 2–5 → 1/1, 6–15 → 10/50, 16–25 → 20/25, 26–35 → 30/20, 36–45 → 40/15, 46 and more → 50/10.
/// </summary>
internal readonly record struct LoopSchedule(int OuterLoop, int InnerLoop)
{
    private static readonly (int Ipc, int Outer, int Inner)[] Reference =
    [
        (1, 1, 1), (10, 10, 50), (20, 20, 25), (30, 30, 20), (40, 40, 15), (50, 50, 10),
    ];

    /// <summary>The schedule for <paramref name="imagesPerClass"/>; a positive override replaces either value.</summary>
    public static LoopSchedule For(int imagesPerClass, int outerOverride = 0, int innerOverride = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imagesPerClass);
        var row = Reference.MinBy(r => (Math.Abs(r.Ipc - imagesPerClass), r.Ipc));
        return new LoopSchedule(
            outerOverride > 0 ? outerOverride : row.Outer,
            innerOverride > 0 ? innerOverride : row.Inner);
    }
}
