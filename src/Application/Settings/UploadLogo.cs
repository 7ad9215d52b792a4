using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Users;

namespace Portal.Application.Settings;

/// <summary>Replaces the logo with an uploaded PNG or SVG, after <see cref="LogoFile"/> has found it harmless.</summary>
[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record UploadLogo(string? ContentType, string? FileName, byte[] Data) : IStaffRequest, IRequest<Unit>;

public sealed class UploadLogoValidator : AbstractValidator<UploadLogo>
{
    public UploadLogoValidator()
    {
        RuleFor(c => c.Data).Custom((_, context) =>
        {
            var command = context.InstanceToValidate;
            if (LogoFile.Check(command.ContentType, command.FileName, command.Data).Refusal is { } refusal)
                context.AddFailure(new ValidationFailure(nameof(UploadLogo.Data), refusal) { CustomState = LogoFile.ArgumentsOf(refusal) });
        });
    }
}

public sealed class UploadLogoHandler(SettingsChanges changes) : IRequestHandler<UploadLogo, Unit>
{
    public async ValueTask<Unit> Handle(UploadLogo command, CancellationToken cancellationToken)
    {
        var (contentType, refusal) = LogoFile.Check(command.ContentType, command.FileName, command.Data);
        if (contentType is null)
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(UploadLogo.Data), refusal)]);
        var version = LogoFile.Version(command.Data);
        await changes.ApplyAsync((settings, now, actor) => settings.ReplaceLogo(contentType, command.Data, version, now, actor),
            cancellationToken);
        return Unit.Value;
    }
}

[RequiresPermission(StaffPermission.ManageSettings)]
public sealed record RemoveLogo : IStaffRequest, IRequest<Unit>;

public sealed class RemoveLogoHandler(SettingsChanges changes) : IRequestHandler<RemoveLogo, Unit>
{
    public async ValueTask<Unit> Handle(RemoveLogo command, CancellationToken cancellationToken)
    {
        await changes.ApplyAsync((settings, now, actor) => settings.RemoveLogo(now, actor), cancellationToken);
        return Unit.Value;
    }
}
