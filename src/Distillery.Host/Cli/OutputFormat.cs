namespace Distillery.Host.Cli;

/// <summary>How results reach stdout: tables for people, or exactly one JSON document for programs.</summary>
public enum OutputFormat
{
    Text,
    Json,
}
