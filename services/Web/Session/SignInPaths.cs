namespace Reseller.Web.Session;

/// <summary>Where each kind of user signs in again.</summary>
public static class SignInPaths
{
    public const string Partner = "/signin";
    public const string Customer = "/account/signin";
    public const string Operator = "/operator/signin";

    public static string For(string? kind) => kind switch
    {
        SessionClaims.AccountKind => Customer,
        SessionClaims.OperatorKind => Operator,
        _ => Partner,
    };

    /// <summary>The sign-in page of the part of the dashboard a path belongs to.</summary>
    public static string ForPath(string path) =>
        path.StartsWith("/account/", StringComparison.Ordinal) ? Customer
        : path.StartsWith("/operator/", StringComparison.Ordinal) ? Operator
        : Partner;
}
