using Reseller.IntegrationTests;
using Reseller.Testing.AssemblyFixtures;

// Test classes run in parallel (xunit.runner.json) and share one PostgreSQL and one RabbitMQ, each test in databases
// and queues of its own; a class that stops its broker takes servers of its own as a class fixture.
[assembly: TestFramework(AssemblyFixtureFramework.TypeName, AssemblyFixtureFramework.AssemblyName)]
[assembly: AssemblyFixture(typeof(TestInfrastructure))]
