using Reseller.AppHost.OpsConsole.Resources;

namespace Reseller.UnitTests.OpsConsole;

public sealed class EnvironmentMaskTests
{
    [Theory]
    [InlineData("Reseller__AdminKey", "adm_123")]
    [InlineData("Reseller__Idempotency__Secret", "s3cret")]
    [InlineData("Billing__Payments__Stripe__WebhookSecret", "whsec_1")]
    [InlineData("Smtp__Password", "hunter2")]
    [InlineData("Jwt__SigningToken", "abc")]
    public void A_variable_named_like_a_secret_is_hidden_whole(string name, string value) =>
        Assert.Equal(EnvironmentMask.Hidden, EnvironmentMask.Mask(name, value));

    [Fact]
    public void A_connection_string_keeps_everything_but_its_password()
    {
        Assert.Equal($"Host=127.0.0.1;Port=5432;Username=postgres;Password={EnvironmentMask.Hidden};Database=billing",
            EnvironmentMask.Mask("ConnectionStrings__billingdb", "Host=127.0.0.1;Port=5432;Username=postgres;Password=pw;Database=billing"));
        Assert.Equal($"amqp://guest:{EnvironmentMask.Hidden}@127.0.0.1:5672/",
            EnvironmentMask.Mask("ConnectionStrings__messaging", "amqp://guest:guest@127.0.0.1:5672/"));
    }

    [Fact]
    public void Anything_else_is_shown_as_it_is() =>
        Assert.Equal("http://127.0.0.1:5080", EnvironmentMask.Mask("services__gateway__http__0", "http://127.0.0.1:5080"));
}
