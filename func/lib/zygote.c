/*
 * The default zygote: does nothing and succeeds. A function overrides it with
 * FAASM_ZYGOTE() (faasm/faasm.h); its strong definition beats this weak one.
 * Faasm runs the zygote once at bind, after the constructors, and refuses to
 * bind when it returns non-zero.
 */
__attribute__((weak)) int _faasm_zygote(void)
{
    return 0;
}
