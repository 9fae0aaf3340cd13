namespace Distillery.Host.Configuration;

/// <summary>Which configuration section each options class binds from, to name the key when a value is rejected.</summary>
public sealed class OptionsSections
{
    private readonly Dictionary<Type, string> _sections = [];

    public void Add(Type optionsType, string section) => _sections[optionsType] = section;

    public string? SectionOf(Type optionsType) => _sections.GetValueOrDefault(optionsType);

    /// <summary>Every options class and its section.</summary>
    public IEnumerable<(Type Type, string Section)> All => _sections.Select(pair => (pair.Key, pair.Value));
}
