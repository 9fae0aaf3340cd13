namespace Distillery.Scenarios.Continual;

/// <summary>The learners a continual run can train.</summary>
internal static class LearnerNames
{
    /// <summary>A fresh network trained from scratch on all memory so far at every step.</summary>
    public const string GDumb = "gdumb";

    /// <summary>One network fine-tuned at every step on the step's real data mixed with the memory of earlier steps.</summary>
    public const string Replay = "replay";

    /// <summary>One network fine-tuned on each step's real data alone: the lower bound.</summary>
    public const string FineTune = "finetune";

    /// <summary>A fresh network trained on all real data seen so far at every step: the upper bound.</summary>
    public const string Joint = "joint";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { GDumb, Replay, FineTune, Joint };

    /// <summary>True for the learners that train on memory, once per memory method.</summary>
    public static bool UsesMemory(string learner) => learner is GDumb or Replay;
}
