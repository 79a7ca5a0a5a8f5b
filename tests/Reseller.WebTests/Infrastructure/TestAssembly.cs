using Reseller.Testing.AssemblyFixtures;
using Reseller.WebTests.Infrastructure;

// One system and one browser for all the browser tests. Test classes are ready to run side by side, each in browser
// contexts of its own, except those marked [RunsAlone] (they move the clock or kill a service); xunit.runner.json keeps
// them one at a time for now: two browsers beside the other suites' systems are more than two cores carry in time.
[assembly: TestFramework(AssemblyFixtureFramework.TypeName, AssemblyFixtureFramework.AssemblyName)]
[assembly: AssemblyFixture(typeof(WebSystem))]
