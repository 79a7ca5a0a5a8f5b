using Reseller.ServiceDefaults.Problems;

namespace Reseller.ServiceDefaults.Http;

public static class PageSize
{
    public const int Default = 50;
    public const int Max = 200;

    public static int From(int? requested) => requested switch
    {
        null => Default,
        >= 1 and <= Max => requested.Value,
        _ => throw ValidationErrors.Reject("page_size", $"page_size must be between 1 and {Max}."),
    };
}
