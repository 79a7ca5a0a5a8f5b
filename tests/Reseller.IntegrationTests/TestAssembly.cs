using Reseller.IntegrationTests;
using Reseller.Testing.AssemblyFixtures;

// Test classes share one PostgreSQL and one RabbitMQ, each test in databases and queues of its own; a class that stops its
// broker takes servers of its own as a class fixture. They are ready to run side by side, but xunit.runner.json keeps them
// one at a time: side by side took 3m06 against 3m14, while the scale tests beside the others took three times as long.
[assembly: TestFramework(AssemblyFixtureFramework.TypeName, AssemblyFixtureFramework.AssemblyName)]
[assembly: AssemblyFixture(typeof(TestInfrastructure))]
