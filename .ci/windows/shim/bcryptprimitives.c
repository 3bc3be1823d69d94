/*
 * A stand-in bcryptprimitives.dll for the CI's Wine smoke test ONLY.
 *
 * Why it exists: Rust's standard library on Windows draws its random numbers (the
 * HashMap seeds, for one) from ProcessPrng in bcryptprimitives.dll, which every
 * Windows 10 and later has. Wine 8 (Debian 12's) ships no ProcessPrng, so lunxun.exe
 * stops at start-up under Wine before running a line of lunxun. Windows users never
 * need this file: .ci/windows/smoke.sh builds it into its scratch folder, beside the
 * exe it tests, and it never goes into the product or the zip organisers get.
 *
 * ProcessPrng fills the buffer from RtlGenRandom (advapi32's SystemFunction036), the
 * system's own random source, which Wine has. It never fails, as Windows documents.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
