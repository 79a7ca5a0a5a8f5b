namespace Reseller.Testing.AssemblyFixtures;

/// <summary>
/// At most <see cref="Collections"/> collections on the assembly's shared fixtures run side by side (unlimited without it).
/// Every class of a large assembly started at once on two cores makes each call wait behind hundreds of others, past the
/// services' own 30 s limit on a call between them; a few at a time keep the cores as busy with answers that come back in time.
/// Needs <see cref="AssemblyFixtureFramework"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class SideBySideLimitAttribute(int collections) : Attribute
{
    public int Collections { get; } = collections;
}
