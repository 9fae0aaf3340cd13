namespace Distillery.Components;

/// <summary>
/// A component made for one job, with the options object it was given: the configured values, defaults included,
/// with the job's overrides laid over them and validated.
/// </summary>
public sealed record ResolvedComponent<T>(T Component, ComponentDescriptor Descriptor, object Options)
    where T : class;
