namespace Reseller.Testing.AssemblyFixtures;

/// <summary>
/// The test class's collection runs with no other collection of the assembly beside it: for a test that changes what
/// every other test running on the same shared fixture would see (the sandbox clock moved a month on ends every other
/// test's signed-in session). Lone collections run before the side-by-side ones (<see cref="CollectionGate"/>), unless
/// <see cref="Last"/>. Needs <see cref="AssemblyFixtureFramework"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsAloneAttribute : Attribute
{
    /// <summary>
    /// Runs after every other collection, for a test that leaves the shared fixture unfit for the others (one that kills
    /// the shared system's replicas).
    /// </summary>
    public bool Last { get; init; }
}
