namespace Reseller.Testing.AssemblyFixtures;

/// <summary>
/// Declares a fixture shared by every test class of the assembly that takes it in its constructor: created once, on first
/// use, and disposed when the assembly's last test has run. A collection that declares its own fixture of the same type
/// (<see cref="ICollectionFixture{TFixture}"/>) keeps its own. Needs <see cref="AssemblyFixtureFramework"/> as the
/// assembly's test framework.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class AssemblyFixtureAttribute(Type fixtureType) : Attribute
{
    public Type FixtureType { get; } = fixtureType;
}
