namespace Aufsicht.Core;

/// <summary>What kind of expected failure an <see cref="Error"/> is: the edges map it to an HTTP status and an exit code.</summary>
public enum ErrorKind
{
    /// <summary>The input is wrong (a form field, a file, an argument).</summary>
    Invalid,

    /// <summary>What the input names does not exist.</summary>
    NotFound,

    /// <summary>Someone else changed the thing since it was read (a stale revision).</summary>
    Conflict,

    /// <summary>The caller may not do this.</summary>
    Forbidden,

    /// <summary>It existed but is no longer usable (a revoked link, a closed campaign).</summary>
    Gone,

    /// <summary>The input is larger than allowed.</summary>
    TooLarge,
}

/// <summary>
/// An expected failure: its kind, the field it concerns (a form field or a JSON path such as
/// <c>contract.ownPurposes</c>; empty for the whole input), and a message key with its arguments. The text is looked up
/// at the edge (page, API, CLI) in the user's language, so no use case and no reader writes a message of its own.
/// </summary>
public sealed record Error(ErrorKind Kind, string Field, string Key, IReadOnlyList<string> Args)
{
    public static Error Invalid(string field, string key, params string[] args) => new(ErrorKind.Invalid, field, key, args);

    public static Error NotFound(string field, string key, params string[] args) => new(ErrorKind.NotFound, field, key, args);

    public static Error Conflict(string field, string key, params string[] args) => new(ErrorKind.Conflict, field, key, args);

    public static Error Forbidden(string field, string key, params string[] args) => new(ErrorKind.Forbidden, field, key, args);

    public static Error Gone(string field, string key, params string[] args) => new(ErrorKind.Gone, field, key, args);

    public static Error TooLarge(string field, string key, params string[] args) => new(ErrorKind.TooLarge, field, key, args);

    public override string ToString() => $"{Kind} {Field}: {Key}({string.Join(", ", Args)})";
}

/// <summary>A value or the errors that prevented it. Exceptions are for bugs; bad input is a <see cref="Result{T}"/>.</summary>
public readonly record struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<Error> errors)
    {
        _value = value;
        Errors = errors;
    }

    public IReadOnlyList<Error> Errors { get; }

    public bool IsOk => Errors.Count == 0;

    public T Value => IsOk ? _value! : throw new InvalidOperationException("The result holds errors: " + Errors[0]);

    public static Result<T> Ok(T value) => new(value, []);

    public static Result<T> Fail(IReadOnlyList<Error> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new(default, errors);

    public static Result<T> Fail(Error error) => Fail([error]);

    public static implicit operator Result<T>(Error error) => Fail([error]);
}
