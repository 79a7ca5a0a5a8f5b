namespace Reseller.AppHost;

/// <summary>A service project the model can start: its resource name (host name in service discovery), folder and assembly.</summary>
public sealed record ServiceProject(string Name, string ProjectDirectory, string AssemblyName);
