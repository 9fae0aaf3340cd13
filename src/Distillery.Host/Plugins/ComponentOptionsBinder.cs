using System.Reflection;
using Distillery.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Distillery.Host.Plugins;

/// <summary>
/// Makes a component's options object for one job: the configured values (defaults included, bound and validated as
/// at start-up), with the job's overrides laid over them and validated again by the same validators.
/// </summary>
public sealed class ComponentOptionsBinder(IServiceProvider services)
{
    private static readonly MethodInfo BindTyped =
        typeof(ComponentOptionsBinder).GetMethod(nameof(BindOptions), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public object Bind(ComponentDescriptor descriptor, IReadOnlyDictionary<string, string?> overrides)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(overrides);
        try
        {
            return BindTyped.MakeGenericMethod(descriptor.OptionsType).Invoke(this, [descriptor, overrides])!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }

    /// <summary>Whether the component takes its options in its constructor (as <c>IOptions&lt;TOptions&gt;</c>).</summary>
    public bool TakesOptions(ComponentDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var wanted = typeof(IOptions<>).MakeGenericType(descriptor.OptionsType);
        return descriptor.ImplementationType.GetConstructors()
            .Any(constructor => constructor.GetParameters().Any(parameter => parameter.ParameterType == wanted));
    }

    /// <summary>The options object as the <c>IOptions&lt;TOptions&gt;</c> a component's constructor asks for.</summary>
    public static object Wrap(object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Activator.CreateInstance(typeof(OptionsWrapper<>).MakeGenericType(options.GetType()), options)!;
    }

    private TOptions BindOptions<TOptions>(ComponentDescriptor descriptor, IReadOnlyDictionary<string, string?> overrides)
        where TOptions : class
    {
        var options = services.GetRequiredService<IOptionsFactory<TOptions>>().Create(Options.DefaultName);
        if (overrides.Count == 0)
        {
            return options;
        }

        var section = descriptor.ConfigurationSection;
        if (typeof(TOptions) == typeof(NoOptions))
        {
            throw new UserErrorException(
                $"The {descriptor.Kind.Name} '{descriptor.Name}' has no settings, but {string.Join(", ", overrides.Keys.Select(k => $"{section}:{k}"))} was given.");
        }

        try
        {
            new ConfigurationBuilder().AddInMemoryCollection(overrides).Build()
                .Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            throw new UserErrorException($"Invalid setting under {section}: {ex.Message}", ex);
        }

        var failures = services.GetServices<IValidateOptions<TOptions>>()
            .Select(validator => validator.Validate(Options.DefaultName, options))
            .Where(result => result.Failed)
            .SelectMany(result => result.Failures ?? [])
            .ToList();
        if (failures.Count > 0)
        {
            throw new UserErrorException($"Invalid setting under {section}: {string.Join(" ", failures)}");
        }

        return options;
    }
}
