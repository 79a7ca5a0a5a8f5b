using Microsoft.Extensions.DependencyInjection;

namespace Reseller.ServiceDefaults.OpenApi;

/// <summary>Every service's OpenAPI document: typed timestamps, described parameters and the problems any operation can answer.</summary>
public static class OpenApiExtensions
{
    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer<TimestampSchemaTransformer>();
            options.AddSchemaTransformer<DigitsSchemaTransformer>();
            options.AddSchemaTransformer<RelayedJsonSchemaTransformer>();
            options.AddOperationTransformer<StandardProblemsTransformer>();
            options.AddOperationTransformer<ParameterDescriptionTransformer>();
            options.AddOperationTransformer<CallerTransformer>();
        });
}
