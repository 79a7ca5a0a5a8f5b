using Reseller.Testing.AssemblyFixtures;
using Reseller.WebTests.Infrastructure;

// One system and one browser for all the browser tests. Test classes are ready to run side by side, each in browser
// contexts of its own, except those marked [RunsAlone] (they move the clock or kill a service); xunit.runner.json keeps
// them one at a time: the browser and the system already take both cores (side by side: 4m42 against 4m45).
[assembly: TestFramework(AssemblyFixtureFramework.TypeName, AssemblyFixtureFramework.AssemblyName)]
[assembly: AssemblyFixture(typeof(WebSystem))]
