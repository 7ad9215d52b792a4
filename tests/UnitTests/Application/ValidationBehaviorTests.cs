using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Portal.Application.Common;
using Portal.Application.PortalAccess;

namespace Portal.UnitTests.Application;

public sealed class ValidationBehaviorTests
{
    private int _handlerCalls;

    private ValueTask<Unit> Handler(GrantPortalAccess message, CancellationToken cancellationToken)
    {
        _handlerCalls++;
        return ValueTask.FromResult(Unit.Value);
    }

    [Fact]
    public async Task An_invalid_message_throws_a_ValidationException_before_the_handler_runs()
    {
        var behavior = new ValidationBehavior<GrantPortalAccess, Unit>([new GrantPortalAccessValidator()]);

        var refused = await Should.ThrowAsync<ValidationException>(async () =>
            await behavior.Handle(new GrantPortalAccess(1, new string('a', 300), null), Handler, CancellationToken.None));

        refused.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(GrantPortalAccess.Email));
        _handlerCalls.ShouldBe(0);
    }

    [Fact]
    public async Task Failures_of_every_validator_are_reported_together()
    {
        var extra = new InlineValidator<GrantPortalAccess>();
        extra.RuleFor(c => c.ContactId).GreaterThan(0).WithMessage("Choose a contact.");
        var behavior = new ValidationBehavior<GrantPortalAccess, Unit>([new GrantPortalAccessValidator(), extra]);

        var refused = await Should.ThrowAsync<ValidationException>(async () =>
            await behavior.Handle(new GrantPortalAccess(0, null, new string('w', 2001)), Handler, CancellationToken.None));

        refused.Errors.Select(e => e.PropertyName)
            .ShouldBe([nameof(GrantPortalAccess.WelcomeMessage), nameof(GrantPortalAccess.ContactId)], ignoreOrder: true);
        _handlerCalls.ShouldBe(0);
    }

    [Fact]
    public async Task A_valid_message_reaches_the_handler_and_its_answer_comes_back()
    {
        var behavior = new ValidationBehavior<GrantPortalAccess, Unit>([new GrantPortalAccessValidator()]);

        var answer = await behavior.Handle(new GrantPortalAccess(1, "anna@example.com", "Hi"), Handler, CancellationToken.None);

        answer.ShouldBe(Unit.Value);
        _handlerCalls.ShouldBe(1);
    }

    [Fact]
    public async Task A_message_without_validators_goes_straight_to_the_handler()
    {
        var behavior = new ValidationBehavior<AcceptInvitation, string>([]);

        var answer = await behavior.Handle(new AcceptInvitation("", "", "x"), (_, _) => ValueTask.FromResult("handled"),
            CancellationToken.None);

        answer.ShouldBe("handled");
    }

    [Fact]
    public async Task The_failures_carry_the_validators_messages_for_the_page()
    {
        var behavior = new ValidationBehavior<AcceptInvitation, string>([new AcceptInvitationValidator(new Support.FakePortalSettings())]);

        var refused = await Should.ThrowAsync<ValidationException>(async () =>
            await behavior.Handle(new AcceptInvitation("t", "password1234", "password1234"), (_, _) => ValueTask.FromResult("handled"),
                CancellationToken.None));

        refused.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            (ValidationFailure f) => f.PropertyName.ShouldBe(nameof(AcceptInvitation.Password)),
            (ValidationFailure f) => f.ErrorMessage.ShouldBe(PasswordPolicy.TooGuessable));
    }
}
