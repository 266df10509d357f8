// Does nothing and returns 0: the child whose chain + await round trip the
// browser benchmark times.
int main(void)
{
    return 0;
}
