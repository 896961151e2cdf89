using FluentValidation;

namespace Portal.Features.Admin;

public static class MudFormValidation
{
    /// <summary>Lets a MudForm show a FluentValidation validator's messages under each field (<c>Validation="@validator.ForField()"</c>).</summary>
    public static Func<object, string, Task<IEnumerable<string>>> ForField<T>(this IValidator<T> validator) => async (model, propertyName) =>
    {
        var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, options => options.IncludeProperties(propertyName)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
    };
}
