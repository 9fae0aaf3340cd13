using Distillery.Methods;
using Distillery.Progress;

namespace Distillery.Commands;

/// <summary>Draws a set of images as a PNG grid, one row per class, as <c>sets show</c> does.</summary>
public interface ISetPicture
{
    /// <summary>The file a picture named <paramref name="name"/> goes to unless told otherwise (in the output folder).</summary>
    string DefaultPath(string name);

    /// <summary>Draws <paramref name="set"/> into the PNG <paramref name="path"/>; returns its full path.</summary>
    Task<string> WriteAsync(SyntheticSet set, string path, IProgressReporter progress, CancellationToken cancellationToken);
}
