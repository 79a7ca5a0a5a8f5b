using Microsoft.Extensions.Configuration;

using Reseller.ServiceDefaults.Data;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class MigrationModesTests
{
    [Theory]
    [InlineData(null, null, MigrationMode.Apply)]
    [InlineData(null, "apply", MigrationMode.Apply)]
    [InlineData(null, " Wait ", MigrationMode.Wait)]
    [InlineData(null, "only", MigrationMode.Only)]
    [InlineData("false", "only", MigrationMode.Off)]
    [InlineData("true", "wait", MigrationMode.Wait)]
    public void The_mode_comes_from_Database_Migrations_and_MigrateOnStartup_false_still_turns_them_off(string? migrateOnStartup, string? migrations, MigrationMode expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = migrateOnStartup,
            ["Database:Migrations"] = migrations,
        }).Build();

        Assert.Equal(expected, MigrationModes.From(configuration));
    }

    [Fact]
    public void An_unknown_mode_stops_the_start_with_the_values_it_takes()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Migrations"] = "later" }).Build();

        var failure = Assert.Throws<InvalidOperationException>(() => MigrationModes.From(configuration));

        Assert.Contains("apply, wait or only", failure.Message, StringComparison.Ordinal);
    }
}
