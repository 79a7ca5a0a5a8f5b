using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing.AssemblyFixtures;

// Test classes run in parallel (xunit.runner.json), each in its own collection, on one shared running system. A class
// that moves the sandbox clock is [RunsAlone]: the system has one clock and it only moves forward, so a move would shift
// every test running beside it (a trial it counts on ends, a renewal it did not ask for runs).
[assembly: TestFramework(AssemblyFixtureFramework.TypeName, AssemblyFixtureFramework.AssemblyName)]
[assembly: AssemblyFixture(typeof(ResellerSystem))]
