namespace Reseller.AppHost;

/// <summary>
/// The name of every resource of the model, in one place: the services know them as connection-string and service-discovery
/// names (<c>ConnectionStrings__billingdb</c>, <c>http://billing</c>), so a name changes here or nowhere.
/// </summary>
public static class ResellerResources
{
    public const string Postgres = "postgres";
    public const string AccountsDb = "accountsdb";
    public const string BillingDb = "billingdb";
    public const string CreditsDb = "creditsdb";
    public const string PartnersDb = "partnersdb";
    public const string WebDb = "webdb";
    public const string Messaging = "messaging";

    public static readonly ServiceProject Accounts = new("accounts", "services/Accounts", "Reseller.Accounts");
    public static readonly ServiceProject Billing = new("billing", "services/Billing", "Reseller.Billing");
    public static readonly ServiceProject Credits = new("credits", "services/Credits", "Reseller.Credits");
    public static readonly ServiceProject Gateway = new("gateway", "services/Gateway", "Reseller.Gateway");
    public static readonly ServiceProject Partners = new("partners", "services/Partners", "Reseller.Partners");
    public static readonly ServiceProject Web = new("web", "services/Web", "Reseller.Web");
}
