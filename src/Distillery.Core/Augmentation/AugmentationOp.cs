namespace Distillery.Augmentation;

/// <summary>One differentiable augmentation, named in a strategy string by its lowercase name.</summary>
public enum AugmentationOp
{
    /// <summary>Brightness, saturation and contrast jitter, applied one after the other.</summary>
    Color,

    /// <summary>Translation by up to a fraction of the image size, filling with zeros.</summary>
    Crop,

    /// <summary>Zeroes a square patch at a random centre.</summary>
    Cutout,

    /// <summary>Horizontal flip with a probability.</summary>
    Flip,

    /// <summary>Independent horizontal and vertical scaling.</summary>
    Scale,

    /// <summary>Rotation by a random angle about the image centre.</summary>
    Rotate,
}
