using Reseller.ServiceDefaults.Problems;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class RequestValidationTests
{
    private sealed record SignupRequest(string? Name, string? Email) : IValidatedRequest
    {
        public void Validate(ValidationErrors errors) => errors.RequireText("name", Name, 10).RequireEmail("email", Email);
    }

    private sealed record OrderRequest(int? Quantity) : IValidatedRequest<int>
    {
        public void Validate(ValidationErrors errors, int stock) =>
            errors.When(Quantity is null or <= 0, "quantity", "quantity must be positive.").When(Quantity > stock, "quantity", $"only {stock} left.");
    }

    [Fact]
    public void A_valid_request_passes_and_is_handed_back()
    {
        var request = new SignupRequest("Ada", "ada@example.com");

        Assert.Same(request, request.ThrowIfInvalid());
    }

    [Fact]
    public void Every_bad_field_is_answered_in_one_400_validation_problem()
    {
        var problem = Assert.Throws<ProblemException>(() => new SignupRequest("A name far too long", "not-an-address").ThrowIfInvalid());

        Assert.Equal(400, problem.Status);
        Assert.Equal("https://reseller.dev/problems/validation", problem.Type);
        Assert.Equal("The request has invalid fields.", problem.Title);
        Assert.Equal("See errors for each invalid field.", problem.Detail);
        Assert.Equal(["email", "name"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["name must be at most 10 characters."], problem.Errors["name"]);
        Assert.Equal(["email must be a valid e-mail address."], problem.Errors["email"]);
    }

    [Fact]
    public void A_field_holding_a_nul_character_is_refused_before_the_database_sees_it()
    {
        var problem = Assert.Throws<ProblemException>(() => new SignupRequest("A\0da", "ada\0@example.com").ThrowIfInvalid());

        Assert.Equal(["name must not contain the character U+0000."], problem.Errors!["name"]);
        Assert.Equal(["email must be a valid e-mail address."], problem.Errors["email"]);
    }

    [Fact]
    public void A_missing_field_is_named_as_required()
    {
        var problem = Assert.Throws<ProblemException>(() => new SignupRequest(null, " ").ThrowIfInvalid());

        Assert.Equal(["name is required."], problem.Errors!["name"]);
        Assert.Equal(["email is required."], problem.Errors["email"]);
    }

    [Fact]
    public void A_rule_that_needs_a_value_from_outside_the_body_is_given_it()
    {
        Assert.Equal(3, new OrderRequest(3).ThrowIfInvalid(5).Quantity);

        var problem = Assert.Throws<ProblemException>(() => new OrderRequest(6).ThrowIfInvalid(5));
        Assert.Equal(["only 5 left."], problem.Errors!["quantity"]);
    }

    [Fact]
    public void Several_messages_for_one_field_are_all_kept()
    {
        var errors = new ValidationErrors().Add("card", "first.").Add("card", "second.");

        var problem = Assert.Throws<ProblemException>(errors.ThrowIfAny);

        Assert.Equal(["first.", "second."], problem.Errors!["card"]);
    }

    [Fact]
    public void One_rejected_field_is_the_same_problem()
    {
        var problem = ValidationErrors.Reject("page_size", "page_size must be between 1 and 100.");

        Assert.Equal(400, problem.Status);
        Assert.Equal("https://reseller.dev/problems/validation", problem.Type);
        Assert.Equal(["page_size must be between 1 and 100."], problem.Errors!["page_size"]);
    }
}
