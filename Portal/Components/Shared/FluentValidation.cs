using FluentValidation;

namespace Portal.Components.Shared;

public static class FluentValidationForMudForm
{
    /// <summary>Adapts a FluentValidation validator to MudForm's per-field <c>Validation</c> function.</summary>
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(this IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(propertyName)));
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
        };
}
