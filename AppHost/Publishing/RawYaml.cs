namespace Reseller.AppHost.Publishing;

/// <summary>YAML kept as written (the alert rules file), placed under a key at that key's indentation.</summary>
public sealed record RawYaml(string Text);
