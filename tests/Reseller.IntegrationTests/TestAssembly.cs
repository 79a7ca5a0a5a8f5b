using Reseller.IntegrationTests;
using Reseller.Testing.AssemblyFixtures;

// Test classes share one PostgreSQL and one RabbitMQ, each test in databases and queues of its own; a class that stops its
// broker takes servers of its own as a class fixture. Classes that host services in this process run one at a time
// (ServiceHostsLane); the scale, crash and outage tests, on servers of their own, run beside that lane (xunit.runner.json).
// Once the test processes stopped recompiling hot code (test.runsettings) the run left half the machine idle, waiting on
// brokers and timers: beside the lane it takes 2m41 against 3m25 one class at a time. Two lanes while the classes that load
// the machine ([LoadsTheMachine]) run, four once they are done (TestInfrastructure).
[assembly: TestFramework(AssemblyFixtureFramework.TypeName, AssemblyFixtureFramework.AssemblyName)]
[assembly: AssemblyFixture(typeof(TestInfrastructure))]
