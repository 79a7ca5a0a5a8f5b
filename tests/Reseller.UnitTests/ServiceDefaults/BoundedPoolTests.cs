using Npgsql;

using Reseller.ServiceDefaults.Data;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class BoundedPoolTests
{
    [Fact]
    public void A_connection_string_without_a_pool_size_gets_the_bound()
    {
        var bounded = DatabaseExtensions.WithBoundedPool("Host=127.0.0.1;Port=5432;Database=accountsdb;Username=app", 30);

        Assert.Equal(30, new NpgsqlConnectionStringBuilder(bounded).MaxPoolSize);
        Assert.Equal("accountsdb", new NpgsqlConnectionStringBuilder(bounded).Database);
    }

    [Fact]
    public void A_pool_size_set_by_the_operator_is_kept()
    {
        var bounded = DatabaseExtensions.WithBoundedPool("Host=127.0.0.1;Database=billingdb;Maximum Pool Size=80", 30);

        Assert.Equal(80, new NpgsqlConnectionStringBuilder(bounded).MaxPoolSize);
    }

    [Fact]
    public void A_service_connection_keeps_its_most_used_statements_prepared()
    {
        var prepared = DatabaseExtensions.WithPreparedStatements("Host=127.0.0.1;Database=accountsdb;Username=app");

        Assert.Equal(DatabaseExtensions.DefaultMaxAutoPrepare, new NpgsqlConnectionStringBuilder(prepared).MaxAutoPrepare);
        Assert.Equal("accountsdb", new NpgsqlConnectionStringBuilder(prepared).Database);
    }

    [Fact]
    public void An_auto_prepare_setting_of_the_operator_is_kept()
    {
        var prepared = DatabaseExtensions.WithPreparedStatements("Host=127.0.0.1;Database=billingdb;Max Auto Prepare=0");

        Assert.Equal(0, new NpgsqlConnectionStringBuilder(prepared).MaxAutoPrepare);
    }

    [Fact]
    public void A_service_connection_goes_back_to_the_pool_without_a_session_reset_unless_the_operator_asks_for_one()
    {
        Assert.True(new NpgsqlConnectionStringBuilder(DatabaseExtensions.WithoutSessionReset("Host=127.0.0.1;Database=accountsdb")).NoResetOnClose);
        Assert.False(new NpgsqlConnectionStringBuilder(DatabaseExtensions.WithoutSessionReset("Host=127.0.0.1;Database=accountsdb;No Reset On Close=false")).NoResetOnClose);
    }
}
