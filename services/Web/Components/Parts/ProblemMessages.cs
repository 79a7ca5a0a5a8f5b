using System.Net;

using Microsoft.Extensions.Localization;

using Reseller.Web.Api;
using Reseller.Web.Localization;

namespace Reseller.Web.Components.Parts;

/// <summary>
/// What to tell the user about a refused call, in their language: the API's known problem types have a text of their own;
/// anything else a generic one (the API's own titles are English).
/// </summary>
public static class ProblemMessages
{
    public static string For<T>(IStringLocalizer<Texts> texts, ApiResult<T> result)
    {
        var slug = result.Problem?.Slug;
        if (slug is { Length: > 0 } && texts[$"Problem.{slug}"] is { ResourceNotFound: false } known)
        {
            return known.Value;
        }
        return result.Status switch
        {
            HttpStatusCode.NotFound => texts["Problem.NotFound"],
            HttpStatusCode.Gone => texts["Problem.link-expired"],
            HttpStatusCode.Forbidden => texts["Problem.Forbidden"],
            HttpStatusCode.TooManyRequests => texts["Problem.TooManyRequests"],
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => texts["Problem.Invalid"],
            _ => texts["Problem.Unavailable"],
        };
    }
}
