using Microsoft.AspNetCore.Components;

using Reseller.Web.Api;

namespace Reseller.Web.Components.Parts;

public static class SessionGuard
{
    /// <summary>When the API no longer accepts the session's token (expired, or its sessions were ended), sign in again.</summary>
    public static bool SentToSignIn<T>(this NavigationManager navigation, ApiResult<T> result)
    {
        if (!result.SessionEnded)
        {
            return false;
        }
        var returnUrl = "/" + navigation.ToBaseRelativePath(navigation.Uri);
        navigation.NavigateTo($"{Session.SignInPaths.ForPath(returnUrl)}?returnUrl={Uri.EscapeDataString(returnUrl)}", forceLoad: true);
        return true;
    }
}
