from itu_timeline.cli.main import main

main()
