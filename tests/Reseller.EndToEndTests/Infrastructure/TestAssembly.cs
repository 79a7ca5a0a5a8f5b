using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing.AssemblyFixtures;

// Test classes run in parallel (xunit.runner.json), each in its own collection, on one shared running system, eight at a
// time; the classes that must run alone run before them, one by one, while the system is young (a clock move renews every
// account the other tests left), and last the one that kills replicas of the shared system (ReplicaFailoverTests). A class that moves the sandbox
// clock is [RunsAlone]: the system has one clock and it only moves forward, so a move would shift every test running beside
// it (a trial it counts on ends, a renewal it did not ask for runs).
[assembly: TestFramework(AssemblyFixtureFramework.TypeName, AssemblyFixtureFramework.AssemblyName)]
[assembly: AssemblyFixture(typeof(ResellerSystem))]
// All at once (about 60 classes), calls between services waited past their 30 s limit and answered 503.
[assembly: SideBySideLimit(8)]
