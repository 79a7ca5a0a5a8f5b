using Reseller.Testing.AssemblyFixtures;
using Reseller.WebTests.Infrastructure;

// One system and one browser for all the browser tests. Those marked [RunsAlone] (they move the clock or kill a service)
// run first, one by one; the other classes then two at a time, each in browser contexts of its own. One at a time left a
// quarter of the two cores idle while a page waited on the services; two at a time took the group from 3m50 to 2m57
// alone, three at a time 3m07 (2026-12-07, same build).
[assembly: TestFramework(AssemblyFixtureFramework.TypeName, AssemblyFixtureFramework.AssemblyName)]
[assembly: AssemblyFixture(typeof(WebSystem))]
[assembly: SideBySideLimit(2)]
