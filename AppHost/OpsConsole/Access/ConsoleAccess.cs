using System.Security.Cryptography;
using System.Text;

namespace Reseller.AppHost.OpsConsole.Access;

/// <summary>
/// Who may open the console: whoever shows the token printed at start (as Aspire's login token), remembered in an HttpOnly
/// cookie; nobody is asked with <c>--unsecured</c>.
/// </summary>
public sealed class ConsoleAccess
{
    public const string UnsecuredFlag = "--unsecured";
    public const string CookieName = "reseller-console";

    private readonly byte[] cookieValue;

    private ConsoleAccess(string? token)
    {
        Token = token;
        cookieValue = token is null ? [] : Encoding.ASCII.GetBytes(CookieFor(token));
    }

    /// <summary>The login token, or null when the console is unsecured.</summary>
    public string? Token { get; }

    public bool Unsecured => Token is null;

    public static ConsoleAccess Create(bool unsecured) =>
        new(unsecured ? null : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    public bool Accepts(string? presentedToken) =>
        Token is not null && presentedToken is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presentedToken.Trim()), Encoding.UTF8.GetBytes(Token));

    public bool AcceptsCookie(string? value) =>
        Unsecured || (value is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(value), cookieValue));

    /// <summary>The cookie proves the token was shown without carrying it.</summary>
    public string SessionCookie() => Encoding.ASCII.GetString(cookieValue);

    private static string CookieFor(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("reseller-console-session:" + token)));
}
