using MassTransit;

using Reseller.ServiceDefaults.Messaging;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class QueueNamesTests
{
    [Fact]
    public void Consumers_of_the_same_class_name_in_two_services_get_a_queue_each()
    {
        var billing = new KebabCaseEndpointNameFormatter(MessagingExtensions.ServicePrefix<Reseller.Billing.Data.BillingDb>(), false);
        var credits = new KebabCaseEndpointNameFormatter(MessagingExtensions.ServicePrefix<Reseller.Credits.Data.CreditsDb>(), false);

        var billingQueue = billing.Consumer<Reseller.Billing.FollowedAccounts.AccountCreatedConsumer>();
        var creditsQueue = credits.Consumer<Reseller.Credits.FollowedAccounts.AccountCreatedConsumer>();

        Assert.Equal("billing-account-created", billingQueue);
        Assert.Equal("credits-account-created", creditsQueue);
    }
}
