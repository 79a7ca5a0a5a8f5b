namespace Reseller.ServiceDefaults.Problems;

public static class ProblemTypes
{
    public const string BaseUri = "https://reseller.dev/problems/";

    public static string Uri(string slug) => BaseUri + slug;
}
