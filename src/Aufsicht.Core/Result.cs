namespace Aufsicht.Core;

/// <summary>An expected failure: what is wrong, and where (a JSON path such as <c>contract.ownPurposes</c>).</summary>
public sealed record Error(string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
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

    public static Result<T> Fail(string path, string message) => Fail([new Error(path, message)]);
}
