namespace Distillery.Methods.KernelRegression;

/// <summary>Where the synthetic images start.</summary>
internal enum SyntheticInit
{
    /// <summary>Random real images of each class (with a formation factor k, k² of them shrunk into tiles per stored image).</summary>
    Real,

    /// <summary>Standard normal noise in the normalized image space.</summary>
    Noise,
}
