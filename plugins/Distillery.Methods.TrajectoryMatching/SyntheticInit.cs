namespace Distillery.Methods.TrajectoryMatching;

/// <summary>Where the synthetic images start.</summary>
internal enum SyntheticInit
{
    /// <summary>Random real images of each class (the reference default).</summary>
    Real,

    /// <summary>Standard normal noise in the normalized image space.</summary>
    Noise,
}
