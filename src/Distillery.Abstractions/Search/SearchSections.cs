namespace Distillery.Search;

/// <summary>The configuration sections of the architecture-search kinds.</summary>
public static class SearchSections
{
    public const string Spaces = "SearchSpaces";
    public const string Strategies = "SearchStrategies";
    public const string Evaluators = "CandidateEvaluators";
}
