namespace Reseller.Contracts.Catalog;

public static class PlanCadences
{
    public const string Trial = "trial";
    public const string Monthly = "monthly";
    public const string Annual = "annual";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Trial, Monthly, Annual };
}
