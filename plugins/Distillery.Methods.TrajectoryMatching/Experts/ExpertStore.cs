using Distillery.Storage;
using static TorchSharp.torch;

namespace Distillery.Methods.TrajectoryMatching.Experts;

/// <summary>
/// Expert trajectories in the workspace, in this plugin's artifact collection: one document per expert, written as
/// soon as the expert is trained, so an interrupted expert phase loses at most the expert in progress.
/// </summary>
internal sealed class ExpertStore(IArtifactStore artifacts)
{
    /// <summary>The artifact owner whose collections hold the trajectories.</summary>
    public const string Owner = "trajectories";

    public const string TrajectoryTensor = "trajectory";

    private static readonly ArtifactCollection Experts = new("experts", schemaVersion: 1);

    /// <summary>The workspace file, for messages.</summary>
    public string Location => artifacts.Location;

    /// <summary>The stored experts of <paramref name="settings"/>, by index; damaged ones are left out (and retrained).</summary>
    public Task<IReadOnlyList<ExpertDocument>> ListAsync(ExpertSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var query = ArtifactQuery.IdStartsWith(settings.Key + "/");
        return artifacts.ReadAsync<IReadOnlyList<ExpertDocument>>(
            session => session.Collection<ExpertDocument>(Experts).List(query)
                .Where(entry => !entry.IsDamaged && entry.Tensor(TrajectoryTensor) is not null)
                .Select(entry => entry.Document)
                .OrderBy(document => document.Index)
                .ToList(),
            cancellationToken);
    }

    /// <summary>The trajectory of expert <paramref name="index"/> as a CPU tensor the caller owns.</summary>
    /// <exception cref="UserErrorException">It is missing or its bytes are damaged.</exception>
    public Task<Tensor> ReadTrajectoryAsync(ExpertSettings settings, int index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var id = settings.IdOf(index);
        return artifacts.ReadAsync(
            session =>
            {
                var collection = session.Collection<ExpertDocument>(Experts);
                var entry = collection.Find(id) ?? throw new UserErrorException($"The expert trajectory '{id}' is not in {artifacts.Location}.");
                return collection.ReadTensor(entry, TrajectoryTensor);
            },
            cancellationToken);
    }

    /// <summary>Stores one trained expert with its trajectory <c>[epochs + 1, parameters]</c> (not taken over).</summary>
    public Task SaveAsync(ExpertSettings settings, ExpertDocument document, Tensor trajectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(trajectory);
        return artifacts.WriteAsync(
            session => session.Collection<ExpertDocument>(Experts).Upsert(
                settings.IdOf(document.Index), document, new Dictionary<string, Tensor> { [TrajectoryTensor] = trajectory }),
            cancellationToken);
    }

    /// <summary>Every stored group of experts (one per <see cref="ExpertSettings.Key"/>), by key.</summary>
    public Task<IReadOnlyList<ExpertGroup>> ListGroupsAsync(CancellationToken cancellationToken) =>
        artifacts.ReadAsync<IReadOnlyList<ExpertGroup>>(
            session => session.Collection<ExpertDocument>(Experts).List()
                .GroupBy(entry => KeyOf(entry.Id), StringComparer.Ordinal)
                .Select(group => ExpertGroup.Of(group.Key, group.ToList(), TrajectoryTensor))
                .OrderBy(group => group.Key, StringComparer.Ordinal)
                .ToList(),
            cancellationToken);

    /// <summary>
    /// Deletes every expert (damaged ones too) of the group <paramref name="key"/> names exactly (a shorter prefix of
    /// several groups deletes nothing), in one transaction.
    /// </summary>
    /// <returns>How many were deleted.</returns>
    /// <exception cref="UserErrorException">No group has that key.</exception>
    public async Task<int> DeleteGroupAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var deleted = await artifacts.WriteAsync(
            session =>
            {
                var collection = session.Collection<ExpertDocument>(Experts);
                var deleted = 0;
                foreach (var id in collection.List(ArtifactQuery.IdStartsWith(key + "/")).Select(entry => entry.Id).Where(id => KeyOf(id) == key).ToList())
                {
                    deleted += collection.Delete(id) ? 1 : 0;
                }

                return deleted;
            },
            cancellationToken).ConfigureAwait(false);
        return deleted > 0
            ? deleted
            : throw new UserErrorException(
                $"No expert trajectories are stored under '{key}' in {artifacts.Location}. 'distillery experts list' shows the keys.");
    }

    /// <summary>The group key of an expert's id: the id without its last part (<c>expertNNNN</c>).</summary>
    private static string KeyOf(string id)
    {
        var cut = id.LastIndexOf('/');
        return cut > 0 ? id[..cut] : id;
    }
}
