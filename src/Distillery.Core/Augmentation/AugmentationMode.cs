namespace Distillery.Augmentation;

/// <summary>How the operations of a strategy are applied on each call.</summary>
public enum AugmentationMode
{
    /// <summary>One operation drawn at random from the strategy per call (the reference default).</summary>
    Single,

    /// <summary>Every operation of the strategy, in order.</summary>
    Multiple,
}
