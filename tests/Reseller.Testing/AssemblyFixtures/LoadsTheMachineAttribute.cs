namespace Reseller.Testing.AssemblyFixtures;

/// <summary>
/// The test class starts servers or processes of its own that keep the machine busy for most of its run (a renewal run at
/// scale, a crash or an outage). Shared fixtures that implement <see cref="IHeavyClassesDoneListener"/> hear when the
/// last such class of the run is done, and may then let more of their own work run side by side. Needs
/// <see cref="AssemblyFixtureFramework"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LoadsTheMachineAttribute : Attribute;
