using Distillery.Storage;

namespace Distillery.Tests.Nas;

/// <summary>An artifact store that cancels the run once it has committed <c>after</c> writes, as Ctrl+C would.</summary>
internal sealed class CancellingArtifactStore(IArtifactStore inner, CancellationTokenSource interrupt, int after) : IArtifactStore
{
    private int _writes;

    public string Owner => inner.Owner;

    public string Location => inner.Location;

    public Task<T> ReadAsync<T>(Func<IArtifactSession, T> read, CancellationToken cancellationToken) => inner.ReadAsync(read, cancellationToken);

    public async Task<T> WriteAsync<T>(Func<IArtifactSession, T> write, CancellationToken cancellationToken)
    {
        var result = await inner.WriteAsync(write, cancellationToken).ConfigureAwait(false);
        if (++_writes == after)
        {
            await interrupt.CancelAsync().ConfigureAwait(false);
        }

        return result;
    }
}
