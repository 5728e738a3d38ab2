from digikind.cli import main

main()
